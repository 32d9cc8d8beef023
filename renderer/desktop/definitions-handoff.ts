/**
 * Hands the Definitions view what the desktop shell asked for, through the
 * view's own controls, as a user would: its Import or Export tab, and a file
 * put in the import's file input as if chosen there. The view needs no
 * desktop-specific code; web mode never gets here.
 */
export function showDefinitionsTab(root: ParentNode, tab: 'import' | 'export'): boolean {
  const button = root.querySelector<HTMLButtonElement>(`#defs-tab-${tab}`);
  if (!button) return false;
  button.click();
  button.focus();
  return true;
}

const IMPORT_INPUT = '#defs-panel-import input[type="file"]';

/** The import's own file chooser, as its drop zone opens it (the palette's command runs on a key press, which lets a page open one). */
export function openImportChooser(root: ParentNode): boolean {
  const input = root.querySelector<HTMLInputElement>(IMPORT_INPUT);
  input?.click();
  return input !== null;
}

export function putImportFile(root: ParentNode, file: { name: string; text: string }): boolean {
  const input = root.querySelector<HTMLInputElement>(IMPORT_INPUT);
  if (!input) return false;
  const transfer = new DataTransfer();
  transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Tries `step` on each animation frame until it succeeds (the view renders after navigation) or `frames` have passed. */
export function whenRendered(step: () => boolean, frames = 120): Promise<boolean> {
  return new Promise((resolve) => {
    let left = frames;
    const attempt = () => {
      if (step()) resolve(true);
      else if (--left <= 0) resolve(false);
      else requestAnimationFrame(attempt);
    };
    attempt();
  });
}
