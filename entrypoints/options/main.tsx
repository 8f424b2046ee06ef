import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import '../popup/popup.css';
import './options.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<OptionsApp />, document.getElementById('app')!);
