import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Messages } from '../../i18n/ru';
import { uploadFile, UploadError, type UploadedFile } from './upload';

type UploadErrorKey = keyof Messages['tasks']['uploadErrors'];

interface Item {
  key: string;
  name: string;
  progress: number;
  uploaded?: UploadedFile;
  error?: string;
}

/**
 * Picks files and uploads each at once with a progress bar; the parent gets the ids of those that
 * finished. Keyboard: a real <input type=file> behind a visible label.
 */
export function FilePicker({ onChange }: { onChange: (fileIds: string[]) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const ready = items.flatMap((item) => (item.uploaded ? [item.uploaded.id] : [])).join(',');
  useEffect(() => onChange(ready ? ready.split(',') : []), [ready, onChange]);

  const update = (key: string, change: Partial<Item>) =>
    setItems((current) =>
      current.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );

  const add = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setItems((current) => [...current, { key, name: file.name, progress: 0 }]);
      uploadFile(file, (progress) => update(key, { progress })).then(
        (uploaded) => update(key, { uploaded, progress: 1 }),
        (error: unknown) => {
          const code = error instanceof UploadError ? error.code : 'other';
          const known = [
            'FILE_TOO_LARGE',
            'FILE_TYPE_NOT_ALLOWED',
            'FILE_TYPE_MISMATCH',
            'UPLOAD_QUOTA_EXCEEDED',
          ];
          const key2: UploadErrorKey = known.includes(code) ? (code as UploadErrorKey) : 'other';
          update(key, { error: t(`tasks.uploadErrors.${key2}`) });
        },
      );
    }
    if (input.current) input.current.value = '';
  };

  const remove = (key: string) => setItems((current) => current.filter((item) => item.key !== key));

  return (
    <div className="file-picker">
      <label htmlFor={inputId} className="button button-secondary">
        {t('tasks.attach')}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        multiple
        className="visually-hidden-input"
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => add(event.target.files)}
      />
      <p className="hint" id={`${inputId}-hint`}>
        {t('tasks.attachHint')}
      </p>
      {items.length > 0 ? (
        <ul className="upload-list">
          {items.map((item) => (
            <li key={item.key}>
              {item.error ? (
                <span className="field-error" role="alert">
                  {item.name}: {item.error}
                </span>
              ) : item.uploaded ? (
                <span>{t('tasks.uploaded', { name: item.name })}</span>
              ) : (
                <>
                  <span id={`${item.key}-label`}>
                    {t('tasks.uploading', {
                      name: item.name,
                      percent: Math.round(item.progress * 100),
                    })}
                  </span>
                  <progress max={1} value={item.progress} aria-labelledby={`${item.key}-label`} />
                </>
              )}
              <button
                type="button"
                className="link-button"
                aria-label={t('tasks.removeFile', { name: item.name })}
                onClick={() => remove(item.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
