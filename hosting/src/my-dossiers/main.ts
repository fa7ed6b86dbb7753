// My dossiers (Hồ sơ của tôi): page entry.
import '../shared/style.css';
import { mountLangSwitch } from '../shared/i18n.js';

mountLangSwitch();
