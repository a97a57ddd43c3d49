import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { TERMS_OF_SERVICE, type TermsOfService } from '../../application-providers';
import { TermsOfServiceModel } from './terms-of-service.model';

/** Public: the portal shows the terms before anyone logs in (APP-2, Q1). */
@Resolver()
export class TermsOfServiceResolver {
  constructor(@Inject(TERMS_OF_SERVICE) private readonly terms: TermsOfService) {}

  @Query(() => TermsOfServiceModel)
  termsOfService(): TermsOfServiceModel {
    return { version: this.terms.version, title: this.terms.title, url: this.terms.url };
  }
}
