import { registerEnumType } from '@nestjs/graphql';
import { ErrorCode } from '@app/event-sourcing';

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    'The `extensions.code` of every refused operation; internal failures use INTERNAL_SERVER_ERROR.',
});
