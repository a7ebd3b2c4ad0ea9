import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import type { Deputy } from './task.entity.js';
import { personOf, type Person } from './task.loaders.js';
import { DeputyService } from './deputy.service.js';
import { DeputyGqlType, DeputyInput, TaskPersonType } from './task.type.js';

@Resolver(() => DeputyGqlType)
export class DeputyResolver {
  @Query(() => [DeputyGqlType], {
    description: 'Current and future deputies the viewer named or is (HR: all).',
  })
  deputies(@Ctx() ctx: AppContext): Promise<Deputy[]> {
    return new DeputyService(ctx).deputies();
  }

  @Mutation(() => DeputyGqlType, { description: 'Names a deputy for a period (замещение).' })
  setDeputy(@Arg('input', () => DeputyInput) input: DeputyInput, @Ctx() ctx: AppContext) {
    return inUnit(ctx, (unit) => new DeputyService(unit).setDeputy(input));
  }

  @Mutation(() => DeputyGqlType)
  revokeDeputy(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Deputy> {
    return inUnit(ctx, (unit) => new DeputyService(unit).revokeDeputy(id));
  }

  @FieldResolver(() => TaskPersonType)
  principal(@Root() deputy: Deputy, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, deputy.principal.id);
  }

  @FieldResolver(() => TaskPersonType, { name: 'deputy' })
  deputyPerson(@Root() deputy: Deputy, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, deputy.deputy.id);
  }
}
