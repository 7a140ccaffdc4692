import { Args, Field, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { PageInput, PageOf } from '../../common/paging';
import { PublicSuggestionAdminService, SuggestionStatus } from './public-suggestion-admin.service';

registerEnumType(SuggestionStatus, { name: 'SuggestionStatus', description: '意见箱留言：待答复、已答复' });

@ObjectType({ description: '意见箱留言（中心负责人跟踪办理）' })
export class SuggestionItem {
  @Field(() => ID) id: string;
  @Field({ description: '收到留言的中心' }) centerName: string;
  @Field() content: string;
  @Field(() => String, { nullable: true, description: '留言人联系方式' }) contact: string | null;
  @Field() receivedAt: Date;
  @Field(() => SuggestionStatus) status: SuggestionStatus;
  @Field(() => Date, { nullable: true }) handledAt: Date | null;
  @Field(() => String, { nullable: true, description: '答复人' }) handledByName: string | null;
  @Field(() => String, { nullable: true, description: '答复/办理情况' }) handlingNote: string | null;
}

@ObjectType('SuggestionPage')
export class SuggestionPage extends PageOf(SuggestionItem, 'SuggestionPageBase') {}

@InputType({ description: '答复意见箱留言' })
export class AnswerSuggestionInput {
  @Field(() => ID) @IsString() id: string;
  @Field({ description: '答复/办理情况' })
  @IsString()
  @IsNotEmpty({ message: '请填写答复或办理情况' })
  @MaxLength(500, { message: '答复最多 500 个字' })
  note: string;
}

@InputType()
export class SuggestionFilter {
  @Field(() => SuggestionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SuggestionStatus)
  status?: SuggestionStatus;
}

/** The directors' side of the 意见箱: the list (待答复 / 已答复) and the answer, within the data scope. */
@Resolver()
export class PublicSuggestionResolver {
  constructor(private readonly suggestions: PublicSuggestionAdminService) {}

  @Query(() => SuggestionPage, { description: '意见箱留言（本机构及下级）' })
  @Allow(Permission.PUBLIC_SUGGESTION_HANDLE)
  suggestionBox(
    @CurrentActor() actor: Actor,
    @Args('filter', { nullable: true }) filter?: SuggestionFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.suggestions.list(actor, filter?.status ?? null, page ?? new PageInput());
  }

  @Mutation(() => SuggestionItem, { description: '答复意见箱留言（记录办理情况，只能答复一次）' })
  @Allow(Permission.PUBLIC_SUGGESTION_HANDLE)
  answerPublicSuggestion(@CurrentActor() actor: Actor, @Args('input') input: AnswerSuggestionInput) {
    return this.suggestions.answer(actor, input.id, input.note);
  }
}
