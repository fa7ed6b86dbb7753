// Transparency (Công khai minh bạch): page entry.
import '../shared/style.css';
import { mountLangSwitch } from '../shared/i18n.js';

mountLangSwitch();
