package org.relationshipledger.analytics.replay;

import java.net.URI;
import java.util.List;

import org.relationshipledger.core.web.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    /** Accepted, not done: follow the Location to watch progress. */
    @PostMapping("/replays")
    ResponseEntity<ReplayStatus> start(@RequestBody StartReplay request) {
        ReplayStatus status = replays.start(request);
        return ResponseEntity.accepted().location(URI.create("/replays/" + status.id())).body(status);
    }

    @GetMapping("/replays/{id}")
    ReplayStatus status(@PathVariable String id) {
        return replays.find(id).orElseThrow(() -> RuleViolation.notFound("id", "no replay " + id));
    }

    @GetMapping("/replays")
    List<ReplayStatus> list() {
        return replays.list();
    }
}
