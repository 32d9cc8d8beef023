/** Every PNG size packaged (build/icons/<n>x<n>.png): Linux uses them all, Windows and macOS take theirs from the .ico and .icns. */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** The sizes Windows asks an .ico for (taskbar, explorer views, installer). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export const iconPngPath = (size: number): string => `build/icons/${size}x${size}.png`;
