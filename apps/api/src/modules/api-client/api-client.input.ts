import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { isIP } from 'node:net';
import { ApiOperation, Channel } from '@weiquan/shared';

/** An IPv4/IPv6 address, or a CIDR range with a prefix length valid for its family. */
@ValidatorConstraint({ name: 'sourceAddress' })
export class SourceAddressRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const [net, bits, extra] = value.split('/');
    const family = isIP(net ?? '');
    if (!family || extra !== undefined) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return /^\d{1,3}$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
  }
  defaultMessage(): string {
    return '来源地址须为 IP 地址或 CIDR 网段（如 10.1.0.0/16）';
  }
}

@InputType({ isAbstract: true })
abstract class ApiClientFields {
  @Field(() => [ApiOperation], { nullable: true, description: '缺省为：转办登记、查询本系统转办的案件' })
  @IsOptional()
  @ArrayUnique({ message: '操作不能重复' })
  @IsEnum(ApiOperation, { each: true, message: '操作不存在' })
  operations?: ApiOperation[];
  @Field(() => [String], { nullable: true, description: '允许的来源地址（IP 或 CIDR）；为空表示不限' })
  @IsOptional()
  @ArrayMaxSize(20, { message: '最多 20 个来源地址' })
  @Validate(SourceAddressRule, { each: true })
  allowedSources?: string[];
  @Field(() => Int, { nullable: true, description: '每分钟调用上限（1–100000）；为空用系统默认值' })
  @IsOptional()
  @IsInt({ message: '调用上限须为整数' })
  @Min(1, { message: '调用上限至少为 1' })
  @Max(100_000, { message: '调用上限过大' })
  rateLimitPerMin?: number | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '备注最多 200 个字符' })
  note?: string | null;
}

@InputType()
export class CreateApiClientInput extends ApiClientFields {
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(100, { message: '名称最多 100 个字符' })
  name: string;
  @Field(() => ID, { description: '所属单位；数据范围为该单位及其下级' })
  @IsString()
  @IsNotEmpty({ message: '请选择所属单位' })
  unitId: string;
  @Field(() => Channel) @IsEnum(Channel, { message: '登记渠道不正确' }) channel: Channel;
}

@InputType()
export class UpdateApiClientInput extends ApiClientFields {
  @Field(() => ID) @IsString() @IsNotEmpty() id: string;
  @Field(() => Int, { description: '读取时的版本号（并发修改时只有一方成功）' }) @IsInt() @Min(1) version: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(100, { message: '名称最多 100 个字符' })
  name?: string;
  @Field(() => Channel, { nullable: true })
  @IsOptional()
  @IsEnum(Channel, { message: '登记渠道不正确' })
  channel?: Channel;
  @Field(() => Boolean, { nullable: true, description: '停用后其所有密钥立即失效' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
