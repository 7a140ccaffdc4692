import { Clock } from '@weiquan/core';

/** A clock tests move by hand. */
export class FakeClock extends Clock {
  private current: Date;
  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }
}
