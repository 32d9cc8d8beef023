/**
 * Saves text as a file. In a browser (and for now in Electron too) that is a
 * download through a Blob link; the native save dialog will replace this one
 * function without the panels noticing.
 */
export function saveText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has handed the data to the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
