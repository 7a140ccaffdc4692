import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  Actor,
  CaseLifecycleService,
  CaseTransitionHook,
  TestingCommissionEntity,
  TransitionContext,
} from '@weiquan/core';
import { MediationError } from './mediation.exception';

/**
 * 检测鉴定时间不计入调解期限: while a commissioned test runs the case stays suspended. A manual
 * resumeCase (the case module's mutation) is refused in its own transaction until every result is
 * recorded; recording the last result resumes the case (TestingCommissionService).
 */
@Injectable()
export class TestingResumeHook implements CaseTransitionHook, OnModuleInit {
  constructor(private readonly lifecycle: CaseLifecycleService) {}

  onModuleInit(): void {
    this.lifecycle.registerHook(this);
  }

  async afterTransition(_actor: Actor, t: TransitionContext & { action: string }): Promise<void> {
    if (t.action !== 'resumeCase') return;
    const running = await t.m.count(TestingCommissionEntity, { where: { caseId: t.c.id, status: 'RUNNING' } });
    if (running) throw MediationError.testingRunning(running);
  }
}
