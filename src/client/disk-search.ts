/**
 * The engine for search from disk, a classic script of its own: the search page loads it, with
 * search/disk-index.js, only when opened from file://, so hosted pages never download it.
 */
import { DiskSearch } from '../lib/search/disk-search.ts';

globalThis.papershelfDiskSearch = (data) => new DiskSearch(data);
