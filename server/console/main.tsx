import { render } from 'preact';
import { App } from './App';
import { LANGUAGE, say } from './words';
import './console.css';

document.documentElement.lang = LANGUAGE;
document.title = say('console_title');
render(<App />, document.getElementById('app')!);
