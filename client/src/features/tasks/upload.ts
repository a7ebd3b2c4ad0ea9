import { sessionEndOf, sessionEvents } from '../../apollo/session-events';

/** What `POST /files` answers with. */
export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A refused upload, with the server's code (FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED, …). */
export class UploadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Uploads one file with XMLHttpRequest, for its progress events (fetch has none for uploads):
 * multipart, the session cookie of this origin and the header that proves the request is ours.
 */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/files');
    xhr.setRequestHeader('X-Requested-With', 'kabinet');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        onProgress(1);
        resolve(xhr.response as UploadedFile);
        return;
      }
      const code =
        (xhr.response as { error?: { code?: string } } | null)?.error?.code ?? `HTTP_${xhr.status}`;
      const ended = sessionEndOf(code);
      if (ended) sessionEvents.ended(ended);
      reject(new UploadError(code));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK'));
    xhr.onabort = () => reject(new UploadError('ABORTED'));
    signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}
