// API keys: each organisation's owners manage them, members read the list; staff have no page here.
import type { PageExpectations, PageTable } from "./types";

export const API_KEYS_PAGES: PageTable = {
  "/licensee/api-keys": ["/licensee/api-keys", ["Licensee owner"]],
  "/rightsholder/api-keys": ["/rightsholder/api-keys", ["Rightsholder owner"]],
};

export const API_KEYS_EXPECTATIONS: PageExpectations = {};
