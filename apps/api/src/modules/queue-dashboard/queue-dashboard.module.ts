import { Module } from '@nestjs/common';
import { DashboardTickets } from './dashboard-tickets.service';
import { QueueDashboardResolver } from './queue-dashboard.resolver';

@Module({ providers: [DashboardTickets, QueueDashboardResolver], exports: [DashboardTickets] })
export class QueueDashboardModule {}
