/** The longest stored file name, in characters (what `varchar(255)` counts). */
export const MAX_FILE_NAME_LENGTH = 255;

/** Control and format characters: C0/C1 controls, bidi overrides (`‮`), zero-width marks. */
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Characters Windows refuses in names; a downloaded file keeps the name on every desktop. */
const reserved = /[<>:"|?*]/g;

/**
 * The name as a person would read it, safe to store and to send back in `Content-Disposition`: the
 * last path segment only (a browser on Windows may send `C:\Users\…\scan.pdf`), composed (macOS
 * sends Cyrillic `й` decomposed), without control or bidi characters (`exe‮fdp.pdf` shows as
 * `pdf.exe`), reserved characters replaced, trimmed, at most MAX_FILE_NAME_LENGTH characters with
 * the extension kept. An empty result is `file`.
 */
export function sanitizeFileName(raw: string): string {
  const segment = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = segment
    .normalize('NFC')
    .replace(invisible, '')
    .replace(reserved, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces; a leading dot would make a hidden file.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return fitFileName(cleaned === '' ? 'file' : cleaned);
}

/** Shortens the part before the extension so the whole name fits MAX_FILE_NAME_LENGTH characters. */
export function fitFileName(name: string, max = MAX_FILE_NAME_LENGTH): string {
  const characters = Array.from(name);
  if (characters.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
  return (
    characters
      .slice(0, max - keep.length)
      .join('')
      .trimEnd() + keep.join('')
  );
}

/**
 * `Content-Disposition: attachment` with the name as RFC 6266 asks: an ASCII `filename` for old
 * clients and the exact UTF-8 name in `filename*` (RFC 8187, formerly 5987), so `Справка.pdf`
 * downloads as `Справка.pdf`.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
