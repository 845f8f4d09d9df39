package dev.anchorsweep.analysis.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GifAnimationTest {

    @TempDir
    Path dir;

    @Test
    void framesDelaysAndLoopReadBack() throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
        for (Color c : colors) {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(c);
            g.fillRect(0, 0, 40, 30);
            g.dispose();
            frames.add(image);
        }
        Path file = dir.resolve("a.gif");
        GifAnimation.write(file, frames, List.of(12, 12, 150));

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            for (int i = 0; i < 3; i++) {
                BufferedImage read = reader.read(i);
                assertEquals(40, read.getWidth());
                assertEquals(colors[i].getRGB(), read.getRGB(20, 15), "frame " + i);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                assertEquals(i == 2 ? "150" : "12", child(root, "GraphicControlExtension").getAttribute("delayTime"));
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode loop = (IIOMetadataNode) child(first, "ApplicationExtensions").getFirstChild();
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            byte[] data = (byte[]) loop.getUserObject();
            assertEquals(0, data[1] | data[2] << 8, "loops forever");
        } finally {
            reader.dispose();
        }
        assertThrows(IllegalArgumentException.class, () -> GifAnimation.write(file, frames, List.of(12)));
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) return (IIOMetadataNode) n;
        }
        throw new AssertionError("no " + name);
    }
}
