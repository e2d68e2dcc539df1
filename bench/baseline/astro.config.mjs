// The benchmark's baseline: a bare Astro project with default settings.
import { defineConfig } from 'astro/config';

export default defineConfig({ outDir: './dist' });
