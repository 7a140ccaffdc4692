import { Module } from '@nestjs/common';
import { CalendarResolver } from './calendar.resolver';
import { CalendarAdminService } from './calendar.service';

// CalendarService (the calendar in force, shared with the worker) lives in libs/core; this module
// is its administration: overrides, imports and the coverage warning.
@Module({ providers: [CalendarAdminService, CalendarResolver], exports: [CalendarAdminService] })
export class CalendarModule {}
