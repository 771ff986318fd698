import type { Architecture } from "./hardware-schema.js";

export const ARCHITECTURES: Architecture[] = [];
