import { Module } from '@nestjs/common';
import { WorkArrivalHook } from './work-arrival.hook';
import { WorkQueueResolver } from './work-queue.resolver';
import { WorkQueueService } from './work-queue.service';

/** 我的待办: the queues of work waiting on the actor's unit, and the notifications when work arrives. */
@Module({ providers: [WorkQueueService, WorkQueueResolver, WorkArrivalHook] })
export class WorkQueueModule {}
