package dev.wparflow.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/images")
public class ImageController {

    private final ImageCatalog catalog;

    public ImageController(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "savewpar images in the catalog, newest first (without spec and image.data texts)")
    public List<CatalogImage> list(@RequestParam(required = false) String lpar,
            @RequestParam(required = false) String wpar, @RequestParam(required = false) CatalogImage.State state,
            @RequestParam(defaultValue = "200") int limit) {
        return catalog.list(lpar, wpar, state, Math.max(1, Math.min(limit, 5000))).stream()
                .map(CatalogImage::summary).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One image with its spec file and image.data")
    public CatalogImage detail(@PathVariable String id) {
        return catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image " + id));
    }
}
