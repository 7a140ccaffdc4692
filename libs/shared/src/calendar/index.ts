// Working-day calendar and deadline counting. Framework-free: used by api, worker and web.
// The counting convention is stated once in README.md and DEADLINE_CONVENTION.
export * from './shanghai-time';
export * from './calendar-data';
export * from './working-calendar';
export * from './arrangement-import';
export {
  type DeadlineUnit,
  type DeadlinePause,
  type DeadlineSpec,
  type SkipReason,
  type SkippedDay,
  type RolledOver,
} from './deadline-plan';
export * from './deadline-calc';
