// Apply online (Nộp hồ sơ trực tuyến): page entry.
import '../shared/style.css';
import { mountLangSwitch } from '../shared/i18n.js';

mountLangSwitch();
