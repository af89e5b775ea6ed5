// The API reference for developers: public, like the JSON document it renders.
import { EVERYONE, type PageTable } from "./types";

export const OPENAPI_PAGES: PageTable = {
  "/developers/api": ["/developers/api", EVERYONE],
};
