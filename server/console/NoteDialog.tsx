import { useState } from 'preact/hooks';
import { Dialog } from './Dialog';
import { count as counted, say } from './words';

/** Asks for the note a decision keeps; `onClose(undefined)` when cancelled. */
export function NoteDialog({
  decision,
  count,
  onClose,
}: {
  decision: 'confirm' | 'reject';
  count: number;
  onClose: (note: string | undefined) => void;
}) {
  const [note, setNote] = useState('');
  const heading = say(decision === 'confirm' ? 'note_heading_confirm' : 'note_heading_reject', [counted(count)]);
  return (
    <Dialog label={heading} onClose={() => onClose(undefined)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onClose(note.trim());
        }}
      >
        <h2>{heading}</h2>
        <label class="note-label" for="note">
          {say('note_label')}
        </label>
        <textarea
          id="note"
          maxLength={2000}
          rows={3}
          value={note}
          autofocus
          onInput={(event) => setNote(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter decides, as the submit button does; Shift+Enter is a new line.
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              onClose(note.trim());
            }
          }}
        />
        <div class="dialog-actions">
          <button type="submit" class={decision}>
            {say(decision === 'confirm' ? 'note_submit_confirm' : 'note_submit_reject')}
          </button>
          <button type="button" onClick={() => onClose(undefined)}>
            {say('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
