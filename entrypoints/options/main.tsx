import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import '../popup/popup.css';
import './options.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<OptionsApp />, document.getElementById('app')!);
// The page is drawn after it loaded, so the browser found no element for an address's #part (the popup's "Report history").
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
