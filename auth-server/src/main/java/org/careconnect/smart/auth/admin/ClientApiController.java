package org.careconnect.smart.auth.admin;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/clients}: list, read, create, update, delete (README "Admin API"). */
@AdminApi
@RestController
@RequestMapping("/api/admin/clients")
class ClientApiController {

  private final AdminClients clients;

  ClientApiController(AdminClients clients) {
    this.clients = clients;
  }

  @GetMapping
  List<ClientView> list() {
    return clients.list();
  }

  @GetMapping("/{clientId}")
  ClientView read(@PathVariable String clientId) {
    return clients.get(clientId);
  }

  @PostMapping
  ResponseEntity<ClientView> create(@RequestBody ClientRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(clients.create(request));
  }

  @PutMapping("/{clientId}")
  ClientView update(@PathVariable String clientId, @RequestBody ClientRequest request) {
    return clients.update(clientId, request);
  }

  @DeleteMapping("/{clientId}")
  ResponseEntity<Void> delete(@PathVariable String clientId) {
    clients.delete(clientId);
    return ResponseEntity.noContent().build();
  }
}
