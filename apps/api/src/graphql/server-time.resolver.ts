import { Query, Resolver } from '@nestjs/graphql';
import { CalendarDateScalar } from '@app/event-sourcing';

const JAPAN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The gateway's own queries. Clients use them to show "today" in Japan time (the day the
 * date rules count from) and to notice a skewed local clock; they read the server's clock.
 */
@Resolver()
export class ServerTimeResolver {
  @Query(() => Date, { description: 'The server clock, as an instant.' })
  serverTime(): Date {
    return new Date();
  }

  @Query(() => CalendarDateScalar, { description: 'Today in Japan time (Asia/Tokyo).' })
  today(): string {
    return JAPAN_DAY.format(new Date());
  }
}
