import type { ITheme } from '@xterm/xterm';
import type { Theme } from '@/lib/theme';

// The terminal follows the app's theme: the same surfaces, and Berth's one accent for the cursor,
// selection and search. ANSI colours are tuned per theme so yellow stays readable on white.

export const TERMINAL_FONT_FAMILY =
  "'JetBrains Mono', ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

const dark: ITheme = {
  background: '#0f1013',
  foreground: '#e2e4e8',
  cursor: '#22b8cf',
  cursorAccent: '#0f1013',
  selectionBackground: 'rgba(34, 184, 207, 0.30)',
  selectionInactiveBackground: 'rgba(154, 156, 164, 0.22)',
  scrollbarSliderBackground: 'rgba(154, 156, 164, 0.22)',
  scrollbarSliderHoverBackground: 'rgba(154, 156, 164, 0.35)',
  scrollbarSliderActiveBackground: 'rgba(154, 156, 164, 0.45)',
  black: '#1d1f24',
  red: '#f26d6d',
  green: '#5fd38d',
  yellow: '#e8c468',
  blue: '#6aa8f7',
  magenta: '#c792ea',
  cyan: '#22b8cf',
  white: '#c9ccd3',
  brightBlack: '#6b6e76',
  brightRed: '#ff8f8f',
  brightGreen: '#84e3ab',
  brightYellow: '#f3d98b',
  brightBlue: '#8fbdfb',
  brightMagenta: '#d9acf3',
  brightCyan: '#5cd0e2',
  brightWhite: '#f5f6f8',
};

const light: ITheme = {
  background: '#ffffff',
  foreground: '#1f2328',
  cursor: '#0e7490',
  cursorAccent: '#ffffff',
  selectionBackground: 'rgba(14, 116, 144, 0.20)',
  selectionInactiveBackground: 'rgba(98, 98, 107, 0.15)',
  scrollbarSliderBackground: 'rgba(98, 98, 107, 0.20)',
  scrollbarSliderHoverBackground: 'rgba(98, 98, 107, 0.32)',
  scrollbarSliderActiveBackground: 'rgba(98, 98, 107, 0.42)',
  black: '#24292f',
  red: '#c4232d',
  green: '#1a7f37',
  yellow: '#8a5d00',
  blue: '#0969da',
  magenta: '#8250df',
  cyan: '#0e7490',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#116329',
  brightYellow: '#744a00',
  brightBlue: '#0550ae',
  brightMagenta: '#6639ba',
  brightCyan: '#155e75',
  brightWhite: '#8c959f',
};

export function terminalTheme(theme: Theme): ITheme {
  return theme === 'dark' ? dark : light;
}

/** Search highlights (the overview ruler wants #RRGGBB). */
export function searchDecorations(theme: Theme) {
  return theme === 'dark'
    ? {
        matchBackground: '#3a3320',
        matchBorder: '#6b5a2a',
        matchOverviewRuler: '#8a7440',
        activeMatchBackground: '#0f4c57',
        activeMatchBorder: '#22b8cf',
        activeMatchColorOverviewRuler: '#22b8cf',
      }
    : {
        matchBackground: '#fff2c2',
        matchBorder: '#e6c65c',
        matchOverviewRuler: '#d4b040',
        activeMatchBackground: '#bfe8f2',
        activeMatchBorder: '#0e7490',
        activeMatchColorOverviewRuler: '#0e7490',
      };
}
