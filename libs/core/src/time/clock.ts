/** Injectable source of "now"; tests use FakeClock (libs/testing) to move time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
