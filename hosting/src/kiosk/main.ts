// Rate at the desk (Đánh giá tại quầy): page entry.
import '../shared/style.css';
import { mountLangSwitch } from '../shared/i18n.js';

mountLangSwitch();
