import { render } from 'preact';
import { HelpApp } from './HelpApp';
import '../popup/popup.css';
import './help.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<HelpApp />, document.getElementById('app')!);
