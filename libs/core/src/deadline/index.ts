export * from './default-rules';
export * from './deadline-rules.service';
export * from './deadline-math';
export * from './deadline-scheduler.service';
export * from './deadline-engine.service';
export * from './deadline-effects.service';
export * from './deadline-reconciler.service';
