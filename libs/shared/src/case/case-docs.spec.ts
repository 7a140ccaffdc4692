import { readFileSync } from 'fs';
import { STATE_MACHINE_DOC, renderStateMachine } from '../../../../tools/render-state-machine';

describe(renderStateMachine.name, () => {
  it('matches the committed docs/state-machine.md (regenerate with tools/render-state-machine.ts)', () => {
    expect(readFileSync(STATE_MACHINE_DOC, 'utf8')).toBe(renderStateMachine());
  });
});
