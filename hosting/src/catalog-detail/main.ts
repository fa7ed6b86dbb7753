// Procedure details (Chi tiết thủ tục): page entry.
import '../shared/style.css';
import { mountLangSwitch } from '../shared/i18n.js';

mountLangSwitch();
