/**
 * The app's identity to the OS: build/electron-builder.json's appId (dist:check
 * checks they agree). Windows shows a notification only for an app whose
 * AppUserModelID matches its Start menu shortcut, which the installer names by it.
 */
export const APP_ID = 'dev.warren.console';
