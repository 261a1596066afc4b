import { inject } from "vitest";

// Route handlers under test open the database through env(), like the running app does.
process.env.DATABASE_URL = inject("databaseUrl");
