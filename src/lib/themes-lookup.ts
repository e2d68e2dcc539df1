import { themes } from '../../content/themes.ts';
import { OTHER_THEME } from './themes.ts';

export interface ThemeInfo {
  id: string;
  name: string;
  description: string;
  rule: string;
}

/** Every theme a page can show, the catch-all last, in config order. */
export const ALL_THEMES: readonly ThemeInfo[] = [
  ...themes.map(({ id, name, description, rule }) => ({ id, name, description, rule })),
  { ...OTHER_THEME, rule: 'Papers that reach no theme’s threshold.' },
];

const byId = new Map(ALL_THEMES.map((theme) => [theme.id, theme]));

export function themeInfo(id: string): ThemeInfo {
  const theme = byId.get(id);
  if (!theme) throw new Error(`unknown theme id "${id}"`);
  return theme;
}
