import { Foundation1764000000000 } from './1764000000000-foundation';
import { Cases1764000100000 } from './1764000100000-cases';
import { Deadlines1764000200000 } from './1764000200000-deadlines';
import { SeedDeadlineRules1764000300000 } from './1764000300000-seed-deadline-rules';

// Ordered list of migrations. Never edit one that has landed; add a new one.
export const MIGRATIONS = [Foundation1764000000000, Cases1764000100000, Deadlines1764000200000, SeedDeadlineRules1764000300000];
