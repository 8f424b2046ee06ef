import { useEffect, useState } from 'preact/hooks';
import { screenshotUrl } from './api';
import { Dialog } from './Dialog';
import { say } from './words';

export function ScreenshotDialog(props: { token: string; sha256: string; title: string; onClose: () => void }) {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    screenshotUrl(props.token, props.sha256).then(
      (objectUrl) => {
        made = objectUrl;
        setUrl(objectUrl);
      },
      (error: unknown) => setFailed(say('error_refused', [error instanceof Error ? error.message : String(error)])),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [props.sha256]);
  const alt = say('screenshot_alt', [props.title]);
  return (
    <Dialog label={alt} onClose={props.onClose}>
      {url && <img class="screenshot" src={url} alt={alt} />}
      {failed && (
        <p role="alert" class="problem">
          {failed}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" autofocus onClick={props.onClose}>
          {say('close')}
        </button>
      </div>
    </Dialog>
  );
}
