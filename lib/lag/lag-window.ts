import { z } from "zod";

/** The time windows the lag view offers, in minutes. */
export const lagWindows = [15, 60, 360, 1440] as const;

export const lagQuerySchema = z.object({
  window: z.coerce
    .number()
    .refine((value) => (lagWindows as readonly number[]).includes(value), { message: `expected one of ${lagWindows.join(", ")}` })
    .default(60),
});

/** How the views name each window. */
export const lagWindowLabels: Record<number, string> = { 15: "15 min", 60: "1 hour", 360: "6 hours", 1440: "24 hours" };
