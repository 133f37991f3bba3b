package dev.threshold.capture;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.TimezoneAssignment;
import biweekly.io.TimezoneInfo;
import biweekly.io.text.ICalReader;
import biweekly.parameter.CalendarUserType;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Conference;
import biweekly.property.ICalProperty;
import biweekly.property.Organizer;
import biweekly.property.RawProperty;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import dev.threshold.interaction.Channel;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * Calendars (RFC 5545 {@code .ics}, as Google Calendar, Outlook and Apple Calendar export them), parsed by biweekly:
 * each past instance of each event becomes one MEETING per participant other than the owner. Time zones: a
 * {@code TZID} with its {@code VTIMEZONE} (Outlook's Windows names included), UTC, floating times and all-day dates
 * read in the profile's zone. Recurrences: RRULE, RDATE and EXDATE expanded in the event's own zone (so a weekly 9:00
 * stays 9:00 across daylight saving), RECURRENCE-ID overrides replacing the instance they name, the latest
 * {@value #MAX_PER_SERIES} past instances per series. Skipped and counted: cancelled events and instances, events the
 * owner declined, events with more than {@code maxAttendees} participants, events the owner is not in, events without
 * anyone else. A calendar is parsed one {@code VCALENDAR} at a time (a few MB for ten years).
 */
@ApplicationScoped
public class CalendarSource implements CaptureSource {

    public static final String KIND = "calendar";
    static final int MAX_PER_SERIES = 500;
    /** A series is expanded this far at most (a minutely rule over ten years), its latest instances kept. */
    static final int MAX_STEPS = 200_000;

    private static final Pattern MEETING_LINK = Pattern.compile(
            "(?i)https?://[^\\s\"<>]*(meet\\.google\\.com|zoom\\.us|zoomgov\\.com|teams\\.microsoft\\.com|teams\\.live\\.com"
                    + "|webex\\.com|whereby\\.com|gotomeeting\\.com|meet\\.jit\\.si|chime\\.aws|bluejeans\\.com"
                    + "|facetime\\.apple\\.com|skype\\.com)");
    private static final Pattern VIRTUAL_LOCATION = Pattern.compile(
            "(?i)^\\s*(microsoft teams( meeting)?|teams meeting|zoom( meeting)?|google meet|webex|skype( meeting)?"
                    + "|facetime)\\s*$");
    private static final List<String> CONFERENCE_PROPERTIES = List.of(
            "X-GOOGLE-CONFERENCE",
            "X-MICROSOFT-SKYPETEAMSMEETINGURL",
            "X-MICROSOFT-ONLINEMEETINGCONFLINK",
            "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean reads(String fileName, String mediaType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = CaptureFiles.base(mediaType);
        return name.endsWith(".ics")
                || name.endsWith(".ical")
                || name.endsWith(".ifb")
                || type.equals("text/calendar")
                || fileName == null && !type.startsWith("image/");
    }

    @Override
    public void read(InputStream in, String fileName, String mediaType, CaptureContext context, CaptureSink sink)
            throws IOException {
        Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
        ICalReader reader = new ICalReader(text);
        reader.setDefaultTimezone(TimeZone.getTimeZone(context.zone()));
        boolean any = false;
        while (true) {
            ICalendar calendar;
            try {
                calendar = reader.readNext();
            } catch (RuntimeException e) {
                throw new Unreadable("the calendar cannot be read: " + e.getMessage());
            }
            if (calendar == null) {
                break;
            }
            any = true;
            for (ParseWarning w : reader.getWarnings()) {
                Integer line = w.getLineNumber();
                sink.warning(line == null ? 0 : line, null, w.getMessage());
            }
            new Calendar(calendar, context, sink).capture();
        }
        if (!any) {
            throw new Unreadable("this is not an iCalendar file: no BEGIN:VCALENDAR was found");
        }
    }

    /** One VCALENDAR: its events grouped by UID (a master and its RECURRENCE-ID overrides). */
    private static final class Calendar {
        private final ICalendar ical;
        private final TimezoneInfo zones;
        private final CaptureContext context;
        private final CaptureSink sink;
        private final boolean cancelAll;

        Calendar(ICalendar ical, CaptureContext context, CaptureSink sink) {
            this.ical = ical;
            this.zones = ical.getTimezoneInfo();
            this.context = context;
            this.sink = sink;
            this.cancelAll = ical.getMethod() != null
                    && "CANCEL".equalsIgnoreCase(ical.getMethod().getValue());
        }

        void capture() {
            Map<String, VEvent> masters = new LinkedHashMap<>();
            Map<String, List<VEvent>> overrides = new LinkedHashMap<>();
            int anonymous = 0;
            for (VEvent e : ical.getEvents()) {
                String uid = e.getUid() == null || e.getUid().getValue() == null
                        ? "no-uid-" + (++anonymous) + "-" + summary(e)
                        : e.getUid().getValue();
                if (e.getRecurrenceId() != null && e.getRecurrenceId().getValue() != null) {
                    overrides.computeIfAbsent(uid, k -> new ArrayList<>()).add(e);
                } else if (masters.putIfAbsent(uid, e) != null) {
                    sink.read();
                    sink.skip("duplicate"); // the same UID twice in one calendar: the first one counts
                }
            }
            for (Map.Entry<String, VEvent> m : masters.entrySet()) {
                try {
                    series(m.getKey(), m.getValue(), overrides.getOrDefault(m.getKey(), List.of()));
                } catch (RuntimeException e) { // a value biweekly could not make sense of: this event only
                    sink.error(
                            0,
                            m.getKey(),
                            "the event cannot be read: " + e.getClass().getSimpleName());
                }
            }
            for (Map.Entry<String, List<VEvent>> o : overrides.entrySet()) {
                if (!masters.containsKey(o.getKey())) {
                    for (VEvent e : o.getValue()) { // an instance whose series is not in the file
                        sink.read();
                        ICalDate at = start(e);
                        if (at == null) {
                            sink.error(0, o.getKey(), "DTSTART is missing or unreadable");
                        } else if (!instantOf(at).isBefore(context.now())) {
                            sink.skip("future");
                        } else if (eventSkip(e) != null) {
                            sink.skip(eventSkip(e));
                        } else {
                            instance(o.getKey(), e, instanceKey(e), instantOf(at));
                        }
                    }
                }
            }
        }

        /** A master event, its instances and the overrides of some of them. */
        private void series(String uid, VEvent master, List<VEvent> overrides) {
            sink.read();
            overrides.forEach(o -> sink.read());
            ICalDate start = start(master);
            if (start == null) {
                sink.error(0, uid, "DTSTART is missing or unreadable");
                return;
            }
            String eventSkip = eventSkip(master);
            boolean recurring = master.getRecurrenceRule() != null
                    || !master.getRecurrenceDates().isEmpty()
                    || !master.getExceptionRules().isEmpty();
            if (!recurring && overrides.isEmpty()) {
                if (eventSkip != null) {
                    sink.skip(eventSkip);
                } else if (!instantOf(start).isBefore(context.now())) {
                    sink.skip("future");
                } else {
                    instance(uid, master, instantOf(start).toString(), instantOf(start));
                }
                return;
            }
            if (eventSkip != null && eventSkip.equals("cancelled")) {
                sink.skip(eventSkip); // a cancelled series: no instance happened, overrides included
                return;
            }
            Map<Long, VEvent> byRecurrence = new HashMap<>();
            for (VEvent o : overrides) {
                Date rid = date(o.getRecurrenceId());
                if (rid != null) {
                    byRecurrence.put(rid.getTime(), o);
                }
            }
            Deque<Instant> latest = new ArrayDeque<>();
            long dropped = 0;
            if (recurring) {
                DateIterator it;
                TimeZone zone = iterationZone(master, start);
                try {
                    it = master.getDateIterator(zone);
                } catch (RuntimeException e) {
                    sink.error(0, uid, "the recurrence cannot be expanded: " + e.getMessage());
                    return;
                }
                int steps = 0;
                while (it.hasNext() && steps++ < MAX_STEPS) {
                    Date d = it.next();
                    Instant at = start.hasTime() ? d.toInstant() : startOfDay(d, zone);
                    if (!at.isBefore(context.now())) {
                        break;
                    }
                    if (byRecurrence.containsKey(d.getTime())) {
                        continue; // replaced by its override
                    }
                    latest.addLast(at);
                    if (latest.size() > MAX_PER_SERIES) {
                        latest.removeFirst();
                        dropped++;
                    }
                }
            }
            if (dropped > 0) {
                for (long i = 0; i < dropped; i++) {
                    sink.skip("seriesCap");
                }
                sink.warning(
                        0,
                        uid,
                        "a series with more than " + MAX_PER_SERIES + " past instances: the latest " + MAX_PER_SERIES
                                + " count, " + dropped + " earlier ones do not");
            }
            if (eventSkip != null) {
                sink.skip(eventSkip);
            } else {
                for (Instant at : latest) {
                    instance(uid, master, at.toString(), at);
                }
            }
            for (Map.Entry<Long, VEvent> o : byRecurrence.entrySet()) {
                VEvent e = o.getValue();
                ICalDate at = start(e);
                if (at == null) {
                    sink.error(0, uid, "DTSTART of an overridden instance is missing or unreadable");
                } else if (!instantOf(at).isBefore(context.now())) {
                    sink.skip("future");
                } else {
                    String skip = eventSkip(e);
                    if (skip != null) {
                        sink.skip(skip);
                    } else {
                        instance(uid, e, instanceKey(e), instantOf(at));
                    }
                }
            }
        }

        /** Why a whole event (or an override) is not captured, or null. */
        private String eventSkip(VEvent e) {
            Status status = e.getStatus();
            if (cancelAll || status != null && status.isCancelled()) {
                return "cancelled";
            }
            for (Attendee a : e.getAttendees()) {
                if (isMe(a.getEmail(), a.getUri(), a.getCommonName())
                        && ParticipationStatus.DECLINED.equals(a.getParticipationStatus())) {
                    return "declinedByYou";
                }
            }
            return null;
        }

        /** One past instance, not skipped: a MEETING per participant other than the owner. */
        private void instance(String uid, VEvent e, String instanceKey, Instant at) {
            Map<String, Party> people = new LinkedHashMap<>();
            boolean meIn = false;
            Organizer organizer = e.getOrganizer();
            Party organizerParty = null;
            if (organizer != null) {
                organizerParty = party(organizer.getCommonName(), organizer.getEmail(), organizer.getUri());
                if (organizerParty != null) {
                    if (context.me().is(organizerParty)) {
                        meIn = true;
                    } else {
                        people.put(identity(organizerParty), organizerParty);
                    }
                }
            }
            for (Attendee a : e.getAttendees()) {
                CalendarUserType type = a.getCalendarUserType();
                if (CalendarUserType.ROOM.equals(type) || CalendarUserType.RESOURCE.equals(type)) {
                    continue; // a meeting room is not a participant
                }
                Party p = party(a.getCommonName(), a.getEmail(), a.getUri());
                if (p == null) {
                    continue;
                }
                if (context.me().is(p)) {
                    meIn = true;
                    continue;
                }
                if (ParticipationStatus.DECLINED.equals(a.getParticipationStatus())) {
                    people.remove(identity(p)); // a declined attendee is not one (an organiser who declined too)
                    continue;
                }
                people.putIfAbsent(identity(p), p);
            }
            if (people.isEmpty()) {
                sink.skip("noOneElse");
                return;
            }
            if (!meIn && context.me().hasEmail()) {
                sink.skip("withoutYou");
                return;
            }
            if (people.size() + 1 > context.maxAttendees()) {
                sink.skip("tooManyAttendees");
                return;
            }
            Channel channel = channel(e);
            String note = summary(e);
            boolean iOrganised = organizerParty != null && context.me().is(organizerParty);
            String organiserId = organizerParty == null ? null : identity(organizerParty);
            for (Map.Entry<String, Party> p : people.entrySet()) {
                Direction direction = iOrganised
                        ? Direction.OUTBOUND
                        : p.getKey().equals(organiserId) ? Direction.INBOUND : Direction.MUTUAL;
                sink.accept(new Captured(
                        KIND,
                        uid + "|" + instanceKey + "|" + p.getKey(),
                        uid,
                        p.getValue(),
                        InteractionType.MEETING,
                        direction,
                        channel,
                        at,
                        note));
            }
        }

        private boolean isMe(String email, String uri, String name) {
            Party p = party(name, email, uri);
            return p != null && context.me().is(p);
        }

        /**
         * The zone a series is expanded in: its TZID's, UTC for UTC times, the profile's for floating times; for
         * all-day dates the zone the parser read them in (their instants are then taken as dates).
         */
        private TimeZone iterationZone(VEvent e, ICalDate start) {
            if (!start.hasTime()) {
                return parsedIn(start);
            }
            TimezoneAssignment assigned = zones.getTimezone(e.getDateStart());
            if (assigned != null) {
                return assigned.getTimeZone();
            }
            if (start.getRawComponents() != null && start.getRawComponents().isUtc()) {
                return TimeZone.getTimeZone("UTC");
            }
            return TimeZone.getTimeZone(context.zone());
        }

        /** An overriding instance's key: the instant of the RECURRENCE-ID, as the series' instance it replaces. */
        private String instanceKey(VEvent e) {
            ICalDate rid = date(e.getRecurrenceId());
            return rid == null ? "?" : instantOf(rid).toString();
        }

        /** The instant of a start: the date-time as parsed, or an all-day date's midnight in the profile's zone. */
        private Instant instantOf(ICalDate d) {
            return d.hasTime() ? d.toInstant() : startOfDay(d, parsedIn(d));
        }

        private Instant startOfDay(Date d, TimeZone parsedIn) {
            LocalDate day = d.toInstant().atZone(parsedIn.toZoneId()).toLocalDate();
            return day.atStartOfDay(context.zone()).toInstant();
        }

        /** The zone whose midnight an all-day date was parsed as (the profile's, UTC or the JVM's). */
        private TimeZone parsedIn(ICalDate d) {
            DateTimeComponents raw = d.getRawComponents();
            if (raw != null) {
                LocalDate day = LocalDate.of(raw.getYear(), raw.getMonth(), raw.getDate());
                for (ZoneId z : List.of(context.zone(), ZoneOffset.UTC, ZoneId.systemDefault())) {
                    if (day.atStartOfDay(z).toInstant().toEpochMilli() == d.getTime()) {
                        return TimeZone.getTimeZone(z);
                    }
                }
            }
            return TimeZone.getTimeZone(ZoneOffset.UTC);
        }
    }

    private static ICalDate start(VEvent e) {
        return e.getDateStart() == null ? null : e.getDateStart().getValue();
    }

    private static ICalDate date(ICalProperty p) {
        if (p instanceof biweekly.property.RecurrenceId r) {
            return r.getValue();
        }
        return null;
    }

    private static String summary(VEvent e) {
        return e.getSummary() == null ? null : e.getSummary().getValue();
    }

    /** VIDEO with a meeting link, IN_PERSON with a physical location, else OTHER. */
    static Channel channel(VEvent e) {
        if (!e.getConferences().isEmpty()) {
            for (Conference c : e.getConferences()) {
                if (c.getUri() != null || c.getText() != null) {
                    return Channel.VIDEO;
                }
            }
        }
        for (String name : CONFERENCE_PROPERTIES) {
            RawProperty p = e.getExperimentalProperty(name);
            if (p != null && p.getValue() != null && !p.getValue().isBlank()) {
                return Channel.VIDEO;
            }
        }
        String location = e.getLocation() == null ? null : e.getLocation().getValue();
        String url = e.getUrl() == null ? null : e.getUrl().getValue();
        String description =
                e.getDescription() == null ? null : e.getDescription().getValue();
        if (isLink(location)
                || isLink(url)
                || isLink(description)
                || location != null && VIRTUAL_LOCATION.matcher(location).matches()) {
            return Channel.VIDEO;
        }
        if (location != null && !location.isBlank()) {
            return Channel.IN_PERSON;
        }
        return Channel.OTHER;
    }

    private static boolean isLink(String text) {
        return text != null && MEETING_LINK.matcher(text).find();
    }

    /** A participant: e-mail from the {@code mailto:} URI or EMAIL parameter, the CN as name (unless it is the e-mail). */
    static Party party(String commonName, String email, String uri) {
        String address = email;
        if (address == null && uri != null && uri.regionMatches(true, 0, "mailto:", 0, 7)) {
            address = uri.substring(7);
        }
        address = address == null || address.isBlank() ? null : address.strip().toLowerCase(Locale.ROOT);
        String name = commonName == null || commonName.isBlank() ? null : commonName.strip();
        if (name != null && address != null && name.equalsIgnoreCase(address)) {
            name = null;
        }
        if (address == null && name == null) {
            return null;
        }
        return new Party(name, address, null, null);
    }

    private static String identity(Party p) {
        return p.email() != null ? p.email() : "name:" + p.name().toLowerCase(Locale.ROOT);
    }
}
