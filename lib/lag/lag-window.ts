import { z } from "zod";

/** The time windows the lag view offers, in minutes. */
export const lagWindows = [15, 60, 360, 1440] as const;

export const lagQuerySchema = z.object({
  window: z.coerce
    .number()
    .refine((value) => (lagWindows as readonly number[]).includes(value), { message: `expected one of ${lagWindows.join(", ")}` })
    .default(60),
});
