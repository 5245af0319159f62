package ir.sarkhat.kit.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.events.PoisonEventException;
import ir.sarkhat.kit.problem.ApiProblem;
import ir.sarkhat.kit.security.StaffSecurity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A minimal service built on the kit, the way the real services use it. */
@SpringBootApplication
public class SampleApplication {

    @Bean
    SecurityFilterChain security(HttpSecurity http, StaffSecurity staff) throws Exception {
        return staff.apply(http)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/things/**", "/actuator/health").permitAll()
                        .requestMatchers(HttpMethod.POST, "/things").hasRole("EDITOR")
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    Inbox inbox() {
        return new Inbox();
    }

    @Document("things")
    record Thing(@Id String id, String name, int size, @Version Long version, List<OutboxEvent> outbox) {
    }

    record NewThing(@NotBlank @Size(max = 10) String name, int size) {
    }

    record ThingCreated(String thingId, String name) {
    }

    @RestController
    static class ThingController {
        private final MongoTemplate mongo;
        private final OutboxEvents events;
        private final OutboxRelay relay;

        ThingController(MongoTemplate mongo, OutboxEvents events, OutboxRelay relay) {
            this.mongo = mongo;
            this.events = events;
            this.relay = relay;
        }

        @PostMapping("/things")
        @ResponseStatus(HttpStatus.CREATED)
        Thing create(@Valid @RequestBody NewThing request) {
            String id = java.util.UUID.randomUUID().toString();
            List<OutboxEvent> outbox = new ArrayList<>();
            outbox.add(events.create("things", "sarkhat.thing.created.v1", id, new ThingCreated(id, request.name())));
            Thing saved = mongo.insert(new Thing(id, request.name(), request.size(), null, outbox));
            relay.wakeUp();
            return saved;
        }

        @GetMapping("/things/{id}")
        Thing get(@PathVariable String id) {
            Thing thing = mongo.findById(id, Thing.class);
            if (thing == null) {
                throw ApiProblem.notFound("No thing with id " + id);
            }
            return thing;
        }
    }

    static class Inbox {
        final List<IncomingEvent> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "inbox")
        void on(ConsumerRecord<String, String> record) {
            IncomingEvent event = IncomingEvent.from(record);
            if (!event.data().startsWith("{")) {
                throw new PoisonEventException("not JSON");
            }
            received.add(event);
        }
    }
}
