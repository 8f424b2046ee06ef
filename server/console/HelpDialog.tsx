import { Dialog } from './Dialog';
import { type ConsoleKey, say } from './words';

const SHORTCUTS: [string, ConsoleKey][] = [
  ['j', 'shortcut_next'],
  ['k', 'shortcut_previous'],
  ['x', 'shortcut_select'],
  ['a', 'shortcut_select_page'],
  ['c', 'shortcut_confirm'],
  ['r', 'shortcut_reject'],
  ['?', 'shortcut_help'],
];

export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label={say('shortcuts_heading')} onClose={onClose}>
      <h2>{say('shortcuts_heading')}</h2>
      <dl class="shortcuts">
        {SHORTCUTS.map(([key, words]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{say(words)}</dd>
          </div>
        ))}
      </dl>
      <div class="dialog-actions">
        <button type="button" autofocus onClick={onClose}>
          {say('close')}
        </button>
      </div>
    </Dialog>
  );
}
