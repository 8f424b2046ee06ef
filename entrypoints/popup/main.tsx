import { render } from 'preact';
import { PopupApp } from './PopupApp';
import './popup.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<PopupApp />, document.getElementById('app')!);
