import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../src/ui/i18n';
import { AuditApp } from './AuditApp';
import './sidepanel.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('audit_panel_title');
render(<AuditApp />, document.getElementById('app')!);
